# whatsapp::redis (include/whatsapp/redis/): the rate limits and the webhook duplicate filter
# shared by many processes through Redis (docs/deployment.md). Optional: it needs hiredis, found
# with pkg-config (Debian/Ubuntu: apt-get install libhiredis-dev pkg-config). Users who do not
# link whatsapp::redis never need hiredis. WHATSAPP_WITH_REDIS: AUTO (define it when hiredis is
# installed), ON (a missing hiredis is an error) or OFF. The target is header-only like the rest
# and links whatsapp::webhook (not libcurl): a receiver-only program can use it too.
whatsapp_part_option(WHATSAPP_WITH_REDIS AUTO "Define (and install) whatsapp::redis, which needs hiredis")
set(_wa_no_hiredis "")
string(TOUPPER "${WHATSAPP_WITH_REDIS}" _wa_redis_mode)
if(NOT _wa_redis_mode STREQUAL "OFF" AND WHATSAPP_WITH_REDIS)
  find_package(PkgConfig QUIET)
  if(PKG_CONFIG_FOUND)
    pkg_check_modules(WHATSAPP_HIREDIS QUIET IMPORTED_TARGET hiredis)
  endif()
  if(NOT WHATSAPP_HIREDIS_FOUND)
    set(_wa_no_hiredis "hiredis (Debian/Ubuntu: apt-get install libhiredis-dev pkg-config)")
  endif()
endif()
whatsapp_resolve_part(WHATSAPP_WITH_REDIS "Redis component (whatsapp::redis)" ${_wa_no_hiredis})
if(WHATSAPP_WITH_REDIS)
  find_package(Threads REQUIRED)
  add_library(whatsapp_redis INTERFACE)
  add_library(whatsapp::redis ALIAS whatsapp_redis)
  set_target_properties(whatsapp_redis PROPERTIES EXPORT_NAME redis)
  target_link_libraries(whatsapp_redis INTERFACE whatsapp_webhook PkgConfig::WHATSAPP_HIREDIS Threads::Threads)
endif()
