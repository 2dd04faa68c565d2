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
/// it is compiled once. Defining WHATSAPP_SEPARATE_COMPILATION before including whatsapp.hpp does
/// the first line for the default transport; <whatsapp/instantiate.hpp>, included in one .cpp,
/// does the second. Works for any transport; optional: the library stays header-only.

#include <nlohmann/json.hpp>

#include "whatsapp/client/client.hpp"
#include "whatsapp/client/detail/core.hpp"
#include "whatsapp/model/send_result.hpp"
#include "whatsapp/protocol/detail/send_answer.hpp"

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

/// Calls X(declaration) for each member function template of Core that the resource groups use:
/// an explicit instantiation of a class does not cover its member templates.
#define WHATSAPP_DETAIL_CLIENT_MEMBER_TEMPLATES(X, Transport)                                      \
  X(::whatsapp::Result<::nlohmann::json>                                                           \
        whatsapp::detail::Core<Transport>::call<::whatsapp::detail::JsonPayload>(                  \
            const ::whatsapp::detail::RequestSpec&, const ::whatsapp::detail::JsonPayload&) const) \
  X(::whatsapp::Result<::whatsapp::SendResult>                                                     \
        whatsapp::detail::Core<Transport>::call<::whatsapp::detail::SendAnswer>(                   \
            const ::whatsapp::detail::RequestSpec&, const ::whatsapp::detail::SendAnswer&) const)

#define WHATSAPP_DETAIL_EXTERN_CLASS(...) extern template class __VA_ARGS__;
#define WHATSAPP_DETAIL_INSTANTIATE_CLASS(...) template class __VA_ARGS__;
#define WHATSAPP_DETAIL_EXTERN_FUNCTION(...) extern template __VA_ARGS__;
#define WHATSAPP_DETAIL_INSTANTIATE_FUNCTION(...) template __VA_ARGS__;

/// Declares that the client over `Transport` is compiled in another translation unit.
#define WHATSAPP_EXTERN_CLIENT(Transport)                                 \
  WHATSAPP_DETAIL_CLIENT_CLASSES(WHATSAPP_DETAIL_EXTERN_CLASS, Transport) \
  WHATSAPP_DETAIL_CLIENT_MEMBER_TEMPLATES(WHATSAPP_DETAIL_EXTERN_FUNCTION, Transport)
/// Compiles the client over `Transport` in this translation unit (exactly one per program).
#define WHATSAPP_INSTANTIATE_CLIENT(Transport)                                 \
  WHATSAPP_DETAIL_CLIENT_CLASSES(WHATSAPP_DETAIL_INSTANTIATE_CLASS, Transport) \
  WHATSAPP_DETAIL_CLIENT_MEMBER_TEMPLATES(WHATSAPP_DETAIL_INSTANTIATE_FUNCTION, Transport)
