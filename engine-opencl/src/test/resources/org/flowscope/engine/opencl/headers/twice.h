#include "../common.h"
#define TWICE(x) (2 * (x))
