/* COIN-OR CLP and CBC, the linear- and integer-programming solvers behind the disclosure audit (Debian
   coinor-libclp-dev and coinor-libcbc-dev, Eclipse Public Licence 1.0). Their C interfaces are enough: a
   CLP model is loaded once, then each cell's minimum and maximum are found by changing the objective and
   re-solving from the last basis; CBC (branch and bound) gives the integer-exact bounds on request. */
#include <Clp_C_Interface.h>
#include <Cbc_C_Interface.h>
