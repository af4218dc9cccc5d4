target_sources(signalbox_core PRIVATE
    config/config.h config/config.cpp
    config/configloader.h config/configloader.cpp
    config/configreader.h config/configreader.cpp
    config/configvalidator.cpp
    config/configwriter.cpp
    config/duplicatekeys.h config/duplicatekeys.cpp
    config/redisurl.h config/redisurl.cpp
    config/configwatcher.h config/configwatcher.cpp
    config/signalbox_config.qrc)
