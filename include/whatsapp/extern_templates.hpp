#pragma once

/// @file extern_templates.hpp
/// Compiling the client once instead of in every translation unit (docs/performance.md).
///
/// Every translation unit that sends compiles the whole client (Core, the resource groups, the
/// retry loop, the batch engine) again, then the linker keeps one copy. With
///
///     WHATSAPP_EXTERN_CLIENT(whatsapp::transport::CurlTransport)      // in a shared header
///     WHATSAPP_INSTANTIATE_CLIENT(whatsapp::transport::CurlTransport) // in exactly one .cpp
///
/// it is compiled once. Defining WHATSAPP_EXTERN_TEMPLATES before including whatsapp.hpp does
/// the first line for the default transport; <whatsapp/instantiate.hpp>, included in one .cpp,
/// does the second. Works for any transport; optional: the library stays header-only.

#include "whatsapp/client.hpp"

/// Calls X(class) for each class template of the client over `Transport`.
#define WHATSAPP_DETAIL_CLIENT_CLASSES(X, Transport) \
  X(::whatsapp::detail::Core<Transport>)             \
  X(::whatsapp::api::Messages<Transport>)            \
  X(::whatsapp::api::PhoneNumbers<Transport>)        \
  X(::whatsapp::api::MediaFiles<Transport>)          \
  X(::whatsapp::api::Business<Transport>)            \
  X(::whatsapp::api::Templates<Transport>)           \
  X(::whatsapp::api::Conversations<Transport>)       \
  X(::whatsapp::api::Subscriptions<Transport>)       \
  X(::whatsapp::api::AnalyticsApi<Transport>)        \
  X(::whatsapp::Client<Transport>)

#define WHATSAPP_DETAIL_EXTERN_CLASS(...) extern template class __VA_ARGS__;
#define WHATSAPP_DETAIL_INSTANTIATE_CLASS(...) template class __VA_ARGS__;

/// Declares that the client over `Transport` is compiled in another translation unit.
#define WHATSAPP_EXTERN_CLIENT(Transport) \
  WHATSAPP_DETAIL_CLIENT_CLASSES(WHATSAPP_DETAIL_EXTERN_CLASS, Transport)
/// Compiles the client over `Transport` in this translation unit (exactly one per program).
#define WHATSAPP_INSTANTIATE_CLIENT(Transport) \
  WHATSAPP_DETAIL_CLIENT_CLASSES(WHATSAPP_DETAIL_INSTANTIATE_CLASS, Transport)
