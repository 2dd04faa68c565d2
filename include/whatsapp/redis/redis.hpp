#pragma once

/// @file redis.hpp
/// whatsapp::redis (CMake target whatsapp::redis, needs hiredis): the rate limits and the
/// webhook duplicate filter shared by many processes through Redis (docs/deployment.md).

#include "whatsapp/redis/connection.hpp"
#include "whatsapp/redis/duplicate_store.hpp"
#include "whatsapp/redis/rate_limit_store.hpp"
#include "whatsapp/redis/url.hpp"
