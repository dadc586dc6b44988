/* COIN-OR CLP, the linear-programming solver behind the disclosure audit (Debian coinor-libclp-dev,
   Eclipse Public Licence 1.0). Its C interface is enough: a model is loaded once, then each cell's
   minimum and maximum are found by changing the objective and re-solving from the last basis. */
#include <Clp_C_Interface.h>
