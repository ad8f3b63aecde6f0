/**
 * Shared kernel: typed ids, roles, the caller's data scope and region codes.
 * Every module may use it; it depends on no module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.xuncha.common;
