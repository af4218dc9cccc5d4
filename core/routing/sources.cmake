target_sources(signalbox_core PRIVATE
    routing/autorouter.h routing/autorouter.cpp
    routing/routepreview.h routing/routepreview.cpp
    routing/router.h routing/router.cpp)
