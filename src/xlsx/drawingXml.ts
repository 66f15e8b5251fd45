/** Drawing part (xl/drawings/drawingN.xml): one two-cell anchor with a chart frame per chart. */
import type { CellRef } from "../workbook/plan";
import { escapeXml, XML_HEADER } from "./xml";
import { REL } from "./relationships";

export interface ChartAnchor {
  from: CellRef;
  to: CellRef;
  /** Relationship id of the chart in the drawing's rels. */
  relId: string;
  name: string;
}

const marker = (tag: string, c: CellRef) =>
  `<xdr:${tag}><xdr:col>${c.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

export function drawingXml(anchors: readonly ChartAnchor[]): string {
  const body = anchors
    .map(
      (a, i) =>
        `<xdr:twoCellAnchor editAs="oneCell">${marker("from", a.from)}${marker("to", a.to)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(a.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
        `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${a.relId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    )
    .join("");
  return (
    XML_HEADER +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${body}</xdr:wsDr>`
  );
}

export function drawingRelsXml(charts: readonly { relId: string; target: string }[]): string {
  return (
    XML_HEADER +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${charts
      .map(
        (c) => `<Relationship Id="${c.relId}" Type="${REL.chart}" Target="${escapeXml(c.target)}"/>`
      )
      .join("")}</Relationships>`
  );
}
