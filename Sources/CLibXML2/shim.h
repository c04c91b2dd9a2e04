// libxml2's SAX2 push parser, for reading workbook XML (Kapstok's XLSXXML).
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU; its ICU headers clash with the copy Foundation carries.
// Kapstok uses no ICU converter of libxml2 (workbook XML is UTF-8 or UTF-16, built in), and
// touches the encoding handler only through pointers, so the declarations are left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
