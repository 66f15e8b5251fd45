/**
 * The package a new workbook starts from, so that a new file and a user's workbook go through
 * the same writer: content types, the package and workbook relationships, an empty workbook,
 * the styles Excel expects, and document properties with a fixed date (same plan, same bytes).
 */
import { PackageFiles } from "./packageFiles";
import { MINIMAL_STYLES } from "./styles";
import { XML_HEADER } from "./xml";

/** Document dates written into docProps/core.xml: fixed, for deterministic output. */
export const FIXED_DOC_TIME = "2024-01-01T00:00:00Z";

const CT = "application/vnd.openxmlformats-officedocument";

export function minimalPackage(): PackageFiles {
  const files = new PackageFiles();
  files.set(
    "[Content_Types].xml",
    `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/>` +
      `</Types>`
  );
  files.set(
    "_rels/.rels",
    `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
      `</Relationships>`
  );
  files.set(
    "docProps/app.xml",
    `${XML_HEADER}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Plan Tables</Application></Properties>`
  );
  files.set(
    "docProps/core.xml",
    `${XML_HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>Plan Tables</dc:creator><cp:lastModifiedBy>Plan Tables</cp:lastModifiedBy>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_DOC_TIME}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_DOC_TIME}</dcterms:modified>` +
      `</cp:coreProperties>`
  );
  files.set(
    "xl/workbook.xml",
    `${XML_HEADER}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets></workbook>`
  );
  files.set(
    "xl/_rels/workbook.xml.rels",
    `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      `</Relationships>`
  );
  files.set("xl/styles.xml", MINIMAL_STYLES);
  return files;
}
