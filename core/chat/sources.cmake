target_sources(signalbox_core PRIVATE
    chat/usage.h chat/usage.cpp)
