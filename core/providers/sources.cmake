target_sources(signalbox_core PRIVATE
    providers/sseparser.h providers/sseparser.cpp
    providers/upstreamcall.h providers/upstreamcall.cpp
    providers/openaiwire.h providers/openaiwire.cpp
    providers/openaiprovider.h providers/openaiprovider.cpp
    providers/upstreamfactory.h providers/upstreamfactory.cpp
    providers/modellisting.h providers/modellisting.cpp)
