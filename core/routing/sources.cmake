target_sources(signalbox_core PRIVATE
    routing/autorouter.h routing/autorouter.cpp
    routing/router.h routing/router.cpp)
