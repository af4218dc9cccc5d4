target_sources(signalbox_core PRIVATE
    ledger/ledgerrecord.h
    ledger/ledger.h ledger/ledger.cpp
    ledger/ledgerreader.h ledger/ledgerreader.cpp
    ledger/ledgerschema.h ledger/ledgerschema.cpp
    ledger/ledgerwriter.h ledger/ledgerwriter.cpp)
