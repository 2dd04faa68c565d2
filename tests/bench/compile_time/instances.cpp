// The one translation unit that compiles the client for send.cpp built with
// -DWHATSAPP_EXTERN_TEMPLATES.
#include <whatsapp/instantiate.hpp>
