#include "ColumnarShims.h"
