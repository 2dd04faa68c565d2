#pragma once

/// @file detail/decode.hpp
/// Private: kept so that the api/ headers' `#include "whatsapp/detail/decode.hpp"` keeps
/// working while they are rewritten; decode<T>, DecodeError and require_object live in the one
/// JSON-reading layer, detail/json_read.hpp. Include that instead.

#include "whatsapp/detail/json_read.hpp"
