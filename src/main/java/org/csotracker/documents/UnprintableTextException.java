package org.csotracker.documents;

import org.csotracker.common.InvalidInputException;

/** Text the certificate font cannot show. */
public class UnprintableTextException extends InvalidInputException {
    public UnprintableTextException(String field, String message) {
        super(field, message);
    }
}
