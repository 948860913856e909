package org.csotracker.database;

import java.nio.file.Path;

/** Another running CSO Tracker owns the data directory; starting a second one would corrupt it. */
public class DataDirectoryInUseException extends EmbeddedDatabaseException {
    DataDirectoryInUseException(Path dir) {
        super("The data directory " + dir + " is in use by another running CSO Tracker. "
                + "Stop that instance first, or start this one with another directory "
                + "(CSOTRACKER_DATA_DIR) or an external database (SPRING_DATASOURCE_URL).");
    }
}
