#include "headers/twice.h"
#include "headers/twice.h"
__kernel void k(__global float* a) { a[0] = TWICE(COMMON); }
