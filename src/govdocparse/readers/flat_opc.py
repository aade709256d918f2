"""Word's Flat OPC XML (Word 2007 and later, "Word XML Document", often named .xml): the parts
of a .docx package written into one XML file, read by packing them back into a .docx.

The root is pkg:package (namespace http://schemas.microsoft.com/office/2006/xmlPackage); each
pkg:part has its part name (pkg:name, /word/document.xml) and content type (pkg:contentType),
and holds either its XML (pkg:xmlData, one child element) or its bytes in base64
(pkg:binaryData: images, fonts). The parts become the members of a ZIP with a
[Content_Types].xml built from their content types, which `docx_reader` reads as any .docx:
same blocks, same provenance. The XML is parsed with entities unresolved, no DTD and no network;
the package's size is bounded by the file's, as every part is inside it.
"""

from __future__ import annotations

import base64
import binascii
import zipfile
from io import BytesIO

from lxml import etree

from ..errors import CorruptFileError

NS = "http://schemas.microsoft.com/office/2006/xmlPackage"
_PKG = "{" + NS + "}"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def is_package(root: etree._Element) -> bool:
    return root.tag == _PKG + "package"


def docx_bytes(root: etree._Element, path: str) -> bytes:
    """The .docx whose parts the pkg:package `root` holds."""
    members: dict[str, bytes] = {}
    types = etree.Element(_TYPES + "Types")
    for extension, kind in (
        ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
        ("xml", "application/xml"),
    ):
        etree.SubElement(types, _TYPES + "Default", Extension=extension, ContentType=kind)
    for part in root.iter(_PKG + "part"):
        name = (part.get(_PKG + "name") or "").lstrip("/")
        if not name or name in members:
            continue
        xml, binary = part.find(_PKG + "xmlData"), part.find(_PKG + "binaryData")
        if xml is not None and len(xml):
            members[name] = etree.tostring(xml[0], xml_declaration=True, encoding="UTF-8")
        elif binary is not None:
            try:
                members[name] = base64.b64decode("".join((binary.text or "").split()))
            except (binascii.Error, ValueError):
                raise CorruptFileError(
                    path, f"damaged Word XML document (part {name} is not base64)"
                ) from None
        else:
            continue
        content_type = part.get(_PKG + "contentType")
        if content_type:
            etree.SubElement(
                types, _TYPES + "Override", PartName="/" + name, ContentType=content_type
            )
    if "word/document.xml" not in members:
        raise CorruptFileError(
            path, "a Word XML package without its document part (word/document.xml)"
        )
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        package.writestr("[Content_Types].xml", etree.tostring(types, xml_declaration=True))
        for name, data in members.items():
            package.writestr(name, data)
    return out.getvalue()
