#ifndef HEAPSIGHT_CLIBXML2_SHIM_H
#define HEAPSIGHT_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* ICU's headers clash with Foundation's copy on a clean build ('UErrorCode' has different
   definitions in different modules); libxml2's ICU support is not needed here. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>

/// xmlFree is a global function pointer; this wrapper makes it callable from Swift.
static inline void heapsight_xml_free(void *p) { xmlFree(p); }
#endif
