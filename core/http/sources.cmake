target_sources(signalbox_core PRIVATE
    http/httpclient.h http/httpclient.cpp
    http/httpclientconnection.h http/httpclientconnection.cpp
    http/httpconnection.h http/httpconnection.cpp
    http/httpexchange.h http/httpexchange.cpp
    http/httprequest.h http/httprequest.cpp
    http/httprequestparser.h http/httprequestparser.cpp
    http/httpserver.h http/httpserver.cpp
    http/httpserversettings.h
    http/httpwireformat.h http/httpwireformat.cpp
    http/openfiles.h http/openfiles.cpp
    http/socketwrite.h http/socketwrite.cpp
    http/ssewriter.h http/ssewriter.cpp)

# Qt's own accepting stays in use where the acceptor's POSIX calls are missing.
if(UNIX)
    target_sources(signalbox_core PRIVATE http/connectionacceptor.h http/connectionacceptor.cpp)
endif()

# epoll is Linux's; elsewhere the router thread keeps Qt's own event dispatcher.
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    target_sources(signalbox_core PRIVATE http/epolldispatcher.h http/epolldispatcher.cpp)
endif()
