target_sources(signalbox_core PRIVATE
    secrets/envkeys.h secrets/envkeys.cpp
    secrets/filekeystore.h secrets/filekeystore.cpp
    secrets/keychainkeystore.h secrets/keychainkeystore.cpp
    secrets/keylookup.h secrets/keylookup.cpp
    secrets/keystore.h)
