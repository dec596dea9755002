/** The namespace of the custom XML part a report carries (no imports: the Word pane loads it at start-up). */
export const OGI_NS = "urn:ogi-annual-report:report:1";
