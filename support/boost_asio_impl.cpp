// The one translation unit that compiles Boost.Asio (and its SSL part) for the whole
// project; see BOOST_ASIO_SEPARATE_COMPILATION in support/CMakeLists.txt.
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
