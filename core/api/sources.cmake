target_sources(signalbox_core PRIVATE
    api/adminapi.h api/adminapi.cpp
    api/apienvironment.h api/apienvironment.cpp
    api/apierror.h api/apierror.cpp
    api/apirouter.h api/apirouter.cpp
    api/chatrun.h api/chatrun.cpp
    api/modelcooldowns.h api/modelcooldowns.cpp)
