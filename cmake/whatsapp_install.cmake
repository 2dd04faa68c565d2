include(CMakePackageConfigHelpers)

set(WHATSAPP_CMAKE_DIR "${CMAKE_INSTALL_DATADIR}/cmake/whatsapp")

install(DIRECTORY include/whatsapp DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
# whatsapp::webhook and whatsapp::whatsapp in files of their own, so that the package config
# loads (and looks for the dependencies of) only what was asked for: find_package(whatsapp
# COMPONENTS webhook) neither needs nor finds libcurl. whatsappTargets.cmake is absent from an
# installation made without libcurl; the package config then says so.
install(TARGETS whatsapp_webhook EXPORT whatsappWebhookTargets)
install(EXPORT whatsappWebhookTargets NAMESPACE whatsapp:: DESTINATION "${WHATSAPP_CMAKE_DIR}")
set(_wa_arch_independent ARCH_INDEPENDENT)
if(TARGET whatsapp)
  install(TARGETS whatsapp EXPORT whatsappTargets)
  if(WHATSAPP_BUILD_LIBRARY)  # the SDK compiled once: a library of this architecture
    install(TARGETS whatsapp_compiled EXPORT whatsappTargets
      ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
      RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
    set(_wa_arch_independent "")
  endif()
  install(EXPORT whatsappTargets NAMESPACE whatsapp:: DESTINATION "${WHATSAPP_CMAKE_DIR}")
endif()

# whatsapp::redis in a file of its own, loaded only for find_package(whatsapp COMPONENTS redis),
# which then looks for hiredis with pkg-config; absent from an installation made without hiredis.
if(TARGET whatsapp_redis)
  install(TARGETS whatsapp_redis EXPORT whatsappRedisTargets)
  install(EXPORT whatsappRedisTargets NAMESPACE whatsapp:: DESTINATION "${WHATSAPP_CMAKE_DIR}")
endif()

# The emulator program, for users' own tests: installed to bin/ when it is built, and exported as
# the imported executable whatsapp::emulator in a file of its own, which the package config
# loads only for find_package(whatsapp COMPONENTS emulator). OPTIONAL: `cmake --install` right
# after the configure (nothing built) still installs the library; the package config then says
# that the emulator was not built instead of failing on a missing file.
set(WHATSAPP_INSTALL_BINDIR "${CMAKE_INSTALL_BINDIR}")
set(WHATSAPP_EMULATOR_PROGRAM "whatsapp-emulator${CMAKE_EXECUTABLE_SUFFIX}")
if(WHATSAPP_BUILD_EMULATOR AND TARGET whatsapp-emulator)
  set_target_properties(whatsapp-emulator PROPERTIES EXPORT_NAME emulator)
  install(TARGETS whatsapp-emulator EXPORT whatsappEmulatorTargets
    RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" OPTIONAL)
  install(EXPORT whatsappEmulatorTargets NAMESPACE whatsapp:: DESTINATION "${WHATSAPP_CMAKE_DIR}")
endif()

configure_package_config_file(cmake/whatsappConfig.cmake.in
  "${CMAKE_CURRENT_BINARY_DIR}/whatsappConfig.cmake"
  INSTALL_DESTINATION "${WHATSAPP_CMAKE_DIR}"
  PATH_VARS WHATSAPP_INSTALL_BINDIR)
# Header-only: any architecture may use the package (not so with WHATSAPP_BUILD_LIBRARY). (The emulator, when installed, is a program
# of the build machine that a test runs, not something linked; cross builds run it there.)
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/whatsappConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion ${_wa_arch_independent})
install(FILES
  "${CMAKE_CURRENT_BINARY_DIR}/whatsappConfig.cmake"
  "${CMAKE_CURRENT_BINARY_DIR}/whatsappConfigVersion.cmake"
  DESTINATION "${WHATSAPP_CMAKE_DIR}")
