#include "../../../../../outside.h"
