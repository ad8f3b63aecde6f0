/**
 * The one check of every upload ({@link org.xuncha.platform.upload.UploadCheck}) and the rules a use chooses
 * ({@link org.xuncha.platform.upload.UploadPolicy}). Only this package reads zip archives (ArchitectureTests).
 */
package org.xuncha.platform.upload;
