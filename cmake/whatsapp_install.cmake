include(CMakePackageConfigHelpers)

set(WHATSAPP_CMAKE_DIR "${CMAKE_INSTALL_DATADIR}/cmake/whatsapp")

install(DIRECTORY include/whatsapp DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(TARGETS whatsapp EXPORT whatsappTargets)
install(EXPORT whatsappTargets NAMESPACE whatsapp:: DESTINATION "${WHATSAPP_CMAKE_DIR}")

configure_package_config_file(cmake/whatsappConfig.cmake.in
  "${CMAKE_CURRENT_BINARY_DIR}/whatsappConfig.cmake"
  INSTALL_DESTINATION "${WHATSAPP_CMAKE_DIR}")
# Header-only: any architecture may use the package.
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/whatsappConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES
  "${CMAKE_CURRENT_BINARY_DIR}/whatsappConfig.cmake"
  "${CMAKE_CURRENT_BINARY_DIR}/whatsappConfigVersion.cmake"
  DESTINATION "${WHATSAPP_CMAKE_DIR}")
