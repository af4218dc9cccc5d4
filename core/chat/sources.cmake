target_sources(signalbox_core PRIVATE
    chat/chattypes.h chat/chattypes.cpp
    chat/tokens.h chat/tokens.cpp
    chat/usage.h chat/usage.cpp)
