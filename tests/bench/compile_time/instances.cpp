// The one translation unit that compiles the SDK's functions and the client for send.cpp, both
// built with -DWHATSAPP_SEPARATE_COMPILATION.
#include <whatsapp/instantiate.hpp>
