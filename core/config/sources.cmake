target_sources(signalbox_core PRIVATE
    config/config.h config/config.cpp)
