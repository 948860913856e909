/** Helpers around the workflow engine shared by the process modules: BPMN diagrams and progress. */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow")
package org.csotracker.workflow;
