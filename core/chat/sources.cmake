target_sources(signalbox_core PRIVATE
    chat/tokens.h chat/tokens.cpp
    chat/usage.h chat/usage.cpp)
