target_sources(signalbox_core PRIVATE
    service/demotraffic.h service/demotraffic.cpp
    service/networkpool.h service/networkpool.cpp
    service/routerservice.h service/routerservice.cpp
    service/routerworker.h service/routerworker.cpp
    service/simulatedupstream.h service/simulatedupstream.cpp)
