target_sources(signalbox_core PRIVATE
    secrets/envkeys.h secrets/envkeys.cpp)
