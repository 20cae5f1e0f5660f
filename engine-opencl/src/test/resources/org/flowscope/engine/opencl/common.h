#define COMMON 21
