// The one translation unit that compiles Boost.Beast for the whole project; see
// BOOST_BEAST_SEPARATE_COMPILATION in support/CMakeLists.txt.
#include <boost/beast/src.hpp>
