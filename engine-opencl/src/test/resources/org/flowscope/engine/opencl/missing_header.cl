#include "headers/absent.h"
