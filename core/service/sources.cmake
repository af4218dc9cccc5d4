target_sources(signalbox_core PRIVATE
    service/demotraffic.h service/demotraffic.cpp
    service/keymanager.h service/keymanager.cpp
    service/routepreview.h service/routepreview.cpp
    service/routerservice.h service/routerservice.cpp
    service/routerworker.h service/routerworker.cpp
    service/servicetypes.h
    service/simulatedupstream.h service/simulatedupstream.cpp)
