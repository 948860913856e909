/** Documents: certificate PDFs rendered with PDFBox. */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package org.csotracker.documents;
