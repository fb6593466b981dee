# `cpack -G DEB` in a build folder makes closelab_VERSION-REL_ARCH.deb from the install rules.
# Checked by tests/package (lintian, the Depends list) and scripts/package-test.sh (installed
# into a clean Debian 12 root). docs/packaging.md explains the choices.
set(CLOSELAB_PACKAGE_CONTACT "closelab maintainers <maintainers@closelab.example>" CACHE STRING
  "Maintainer of the .deb (name <address>); whoever publishes the package sets their own")

set(CPACK_PACKAGE_NAME closelab)
set(CPACK_PACKAGE_VENDOR "The closelab authors")
set(CPACK_PACKAGE_CONTACT "${CLOSELAB_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "lab that shows how TCP closes a connection on Linux")
set(CPACK_PACKAGE_DESCRIPTION "\
closelab plays the TCP close step by step on an animated ladder diagram and
explains every segment, state and timer: why TIME_WAIT exists and how long it
lasts on Linux, where CLOSE_WAIT leaks come from, what a lost FIN or final ACK
does, and how kernel settings (tcp_tw_reuse, tcp_timestamps, tcp_fin_timeout,
ip_local_port_range) and socket options (SO_LINGER, SO_REUSEADDR) change it.
Load simulations plot socket-state counts over time. closelab-cli prints every
run as JSON and replays scenarios on the real kernel in a network namespace.
The interface is in English and Simplified Chinese.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
# No stray files of the build folder in a source package.
set(CPACK_SOURCE_IGNORE_FILES "/build/;/\\\\.git/")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/closelab/closelab")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

# dpkg-shlibdeps sees the Qt libraries but not the QML modules the ladder imports at run time,
# nor Qt's plugins: those are listed here. Each `import` of qml/*.qml must map to its Debian
# packages (the ones its qmldir pulls in automatically included); an unknown import stops the
# configure step so that no package ships without it (tests/package checks the same list
# against the qmldir files of this machine).
# closelab's own QML modules (URI Closelab…) are static and inside the executable.
set(closelab_qml_deb_QtQuick qml6-module-qtquick qml6-module-qtqml-workerscript)
set(closelab_qml_deb_QtQuick.Window qml6-module-qtquick-window qml6-module-qtquick
  qml6-module-qtqml-workerscript)
set(closelab_qml_deb_QtQuick.Shapes qml6-module-qtquick-shapes)
set(closelab_qml_deb_QtQuick.Layouts qml6-module-qtquick-layouts)
set(closelab_qml_deb_QtQuick.Controls qml6-module-qtquick-controls qml6-module-qtquick-templates
  qml6-module-qtquick-layouts qml6-module-qtquick-window)
set(closelab_qml_deb_QtQuick.Templates qml6-module-qtquick-templates)
set(closelab_qml_deb_QtQml qml6-module-qtqml-workerscript)
set(closelab_qml_deb_QtQml.WorkerScript qml6-module-qtqml-workerscript)
file(GLOB_RECURSE closelab_qml_files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/qml/*.qml)
set(closelab_depends)
foreach(qml IN LISTS closelab_qml_files)
  file(STRINGS ${qml} imports REGEX "^import[ \t]+[A-Za-z]")
  foreach(line IN LISTS imports)
    string(REGEX REPLACE "^import[ \t]+([A-Za-z][A-Za-z0-9_.]*).*" "\\1" module "${line}")
    if(module MATCHES "^Closelab(\\.|$)")
      continue()
    endif()
    if(NOT DEFINED closelab_qml_deb_${module})
      message(FATAL_ERROR "${qml} imports ${module}: add its Debian package(s) to "
        "cmake/CloselabCPack.cmake (closelab_qml_deb_${module}), or the .deb will miss it")
    endif()
    list(APPEND closelab_depends ${closelab_qml_deb_${module}})
  endforeach()
endforeach()
# Qt SQL loads its SQLite driver as a plugin: needed once any code opens a QSQLITE database.
file(GLOB_RECURSE closelab_sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/*.cpp)
foreach(source IN LISTS closelab_sources)
  file(STRINGS ${source} sqlite_use REGEX "QSQLITE")
  if(sqlite_use)
    list(APPEND closelab_depends libqt6sql6-sqlite)
    break()
  endif()
endforeach()
list(REMOVE_DUPLICATES closelab_depends)
list(SORT closelab_depends)
# One comma-separated string: CPackDeb joins a list only when shlibdeps found something.
list(JOIN closelab_depends ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
set(CLOSELAB_DEB_DEPENDS "${closelab_depends}")
# A clean Debian 12 has no Chinese font (the zh_CN interface would be boxes); Qt's own
# translations make its standard dialogs Chinese too.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk | fonts-wqy-microhei, qt6-translations-l10n")
# kernel-run and compare drop segments with nft inside their namespace.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "nftables")

include(CPack)
