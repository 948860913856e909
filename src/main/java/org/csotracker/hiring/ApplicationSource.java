package org.csotracker.hiring;

/** How an application arrived. */
public enum ApplicationSource {
    WEB, HR, API
}
