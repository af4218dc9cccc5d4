target_sources(signalbox_core PRIVATE
    service/consoledata.h
    service/demohistory.h service/demohistory.cpp
    service/demotraffic.h service/demotraffic.cpp
    service/instanceid.h service/instanceid.cpp
    service/keymanager.h service/keymanager.cpp
    service/routerservice.h service/routerservice.cpp
    service/routerworker.h service/routerworker.cpp
    service/servicetypes.h
    service/simulatedupstream.h service/simulatedupstream.cpp)
