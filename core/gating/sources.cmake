target_sources(signalbox_core PRIVATE
    gating/budgetcalendar.h gating/budgetcalendar.cpp
    gating/clock.h gating/clock.cpp
    gating/gatepolicy.h gating/gatepolicy.cpp
    gating/gaterejection.h gating/gaterejection.cpp
    gating/gates.h gating/gates.cpp
    gating/gatesnapshot.h gating/gatesnapshot.cpp
    gating/gatestore.h
    gating/memorygatestore.h gating/memorygatestore.cpp
    gating/ratewindow.h gating/ratewindow.cpp
    gating/redisconnection.h gating/redisconnection.cpp
    gating/redisgatestore.h gating/redisgatestore.cpp
    gating/redisscripts.h gating/redisscripts.cpp
    gating/worstcase.h gating/worstcase.cpp)
