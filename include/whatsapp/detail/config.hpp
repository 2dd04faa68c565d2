#pragma once

/// @file detail/config.hpp
/// Header-only (the default) or separate compilation.
///
/// By default every function of the SDK is defined in its header (`inline`), so including
/// <whatsapp/whatsapp.hpp> is all a program needs. Defining WHATSAPP_SEPARATE_COMPILATION in every
/// translation unit, and including <whatsapp/instantiate.hpp> in exactly one .cpp, compiles the
/// SDK's functions and the client over CurlTransport once, in that file: the others only see
/// declarations, which makes them compile faster (docs/performance.md).

#ifdef WHATSAPP_SEPARATE_COMPILATION
#define WHATSAPP_DECL
#else
#define WHATSAPP_DECL inline
#endif
