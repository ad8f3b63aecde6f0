/**
 * Technical wiring shared by every module: security configuration, web configuration, crypto and keys,
 * command-line launching. Holds no domain logic.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.xuncha.platform;
