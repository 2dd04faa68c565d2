# Configures whatsapp-cpp as a machine without libcurl would (CMAKE_DISABLE_FIND_PACKAGE_CURL:
# find_package(CURL) finds nothing), installs it into PREFIX, and checks that the installation
# holds whatsapp::webhook and not whatsapp::whatsapp.
#   cmake -DSOURCE_DIR=<repo> -DBINARY_DIR=<dir> -DPREFIX=<dir> -DGENERATOR=<gen> -P install_without_curl.cmake
file(REMOVE_RECURSE "${BINARY_DIR}" "${PREFIX}")
execute_process(
  COMMAND ${CMAKE_COMMAND} -S "${SOURCE_DIR}" -B "${BINARY_DIR}" -G "${GENERATOR}"
          -DCMAKE_DISABLE_FIND_PACKAGE_CURL=ON -DWHATSAPP_BUILD_TESTS=AUTO
          -DWHATSAPP_BUILD_EXAMPLES=AUTO -DWHATSAPP_BUILD_EMULATOR=OFF -DWHATSAPP_BUILD_BENCHMARKS=OFF
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring whatsapp-cpp without libcurl failed")
endif()
if(NOT out MATCHES "libcurl not found: only whatsapp::webhook")
  message(FATAL_ERROR "the configure without libcurl did not say that only whatsapp::webhook is installed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BINARY_DIR}" --prefix "${PREFIX}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "installing whatsapp-cpp built without libcurl failed")
endif()
file(GLOB_RECURSE config "${PREFIX}/*/whatsappConfig.cmake")
if(NOT config)
  message(FATAL_ERROR "no whatsappConfig.cmake under ${PREFIX}")
endif()
get_filename_component(dir "${config}" DIRECTORY)
if(NOT EXISTS "${dir}/whatsappWebhookTargets.cmake" OR EXISTS "${dir}/whatsappTargets.cmake")
  message(FATAL_ERROR "an installation without libcurl must hold whatsappWebhookTargets.cmake and "
                      "not whatsappTargets.cmake (${dir})")
endif()
